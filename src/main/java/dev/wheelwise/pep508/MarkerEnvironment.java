package dev.wheelwise.pep508;

import java.util.Objects;
import java.util.Set;

/**
 * The values a marker is evaluated against (PEP 508 "Environment Markers"), for a target rather
 * than for the running JVM: wheelwise never reads the host's values.
 *
 * @param extra the extra being installed, "" when none (packaging ≥ 22 default)
 * @param extras the extras requested, for lock-file markers ({@code 'x' in extras}, PEP 751)
 * @param dependencyGroups the dependency groups requested, for lock-file markers (PEP 751)
 */
public record MarkerEnvironment(
    String implementationName,
    String implementationVersion,
    String osName,
    String platformMachine,
    String platformRelease,
    String platformSystem,
    String platformVersion,
    String pythonFullVersion,
    String platformPythonImplementation,
    String pythonVersion,
    String sysPlatform,
    String extra,
    Set<String> extras,
    Set<String> dependencyGroups) {

  public MarkerEnvironment {
    Objects.requireNonNull(implementationName, "implementationName");
    Objects.requireNonNull(implementationVersion, "implementationVersion");
    Objects.requireNonNull(osName, "osName");
    Objects.requireNonNull(platformMachine, "platformMachine");
    Objects.requireNonNull(platformRelease, "platformRelease");
    Objects.requireNonNull(platformSystem, "platformSystem");
    Objects.requireNonNull(platformVersion, "platformVersion");
    Objects.requireNonNull(pythonFullVersion, "pythonFullVersion");
    Objects.requireNonNull(platformPythonImplementation, "platformPythonImplementation");
    Objects.requireNonNull(pythonVersion, "pythonVersion");
    Objects.requireNonNull(sysPlatform, "sysPlatform");
    Objects.requireNonNull(extra, "extra");
    extras = Set.copyOf(extras);
    dependencyGroups = Set.copyOf(dependencyGroups);
  }

  /**
   * CPython X.Y.Z on Linux, as {@code packaging.markers.default_environment()} reports inside a
   * python:X.Y image: os_name posix, sys_platform linux, platform_system Linux.
   * {@code platform_release} and {@code platform_version} describe the kernel of the machine
   * that runs the container, unknown here, so they are "" until set.
   */
  public static MarkerEnvironment linuxCPython(int major, int minor, int micro, String machine) {
    String full = major + "." + minor + "." + micro;
    return new MarkerEnvironment("cpython", full, "posix", machine, "", "Linux", "", full, "CPython",
        major + "." + minor, "linux", "", Set.of(), Set.of());
  }

  public MarkerEnvironment withExtra(String value) {
    return new MarkerEnvironment(implementationName, implementationVersion, osName, platformMachine,
        platformRelease, platformSystem, platformVersion, pythonFullVersion, platformPythonImplementation,
        pythonVersion, sysPlatform, value, extras, dependencyGroups);
  }

  public MarkerEnvironment withExtras(Set<String> value) {
    return new MarkerEnvironment(implementationName, implementationVersion, osName, platformMachine,
        platformRelease, platformSystem, platformVersion, pythonFullVersion, platformPythonImplementation,
        pythonVersion, sysPlatform, extra, value, dependencyGroups);
  }

  public MarkerEnvironment withDependencyGroups(Set<String> value) {
    return new MarkerEnvironment(implementationName, implementationVersion, osName, platformMachine,
        platformRelease, platformSystem, platformVersion, pythonFullVersion, platformPythonImplementation,
        pythonVersion, sysPlatform, extra, extras, value);
  }

  /** The kernel: {@code platform_release} and {@code platform_version}. */
  public MarkerEnvironment withPlatform(String release, String version) {
    return new MarkerEnvironment(implementationName, implementationVersion, osName, platformMachine,
        release, platformSystem, version, pythonFullVersion, platformPythonImplementation,
        pythonVersion, sysPlatform, extra, extras, dependencyGroups);
  }

  public MarkerEnvironment withPythonFullVersion(String value) {
    return new MarkerEnvironment(implementationName, implementationVersion, osName, platformMachine,
        platformRelease, platformSystem, platformVersion, value, platformPythonImplementation,
        pythonVersion, sysPlatform, extra, extras, dependencyGroups);
  }

  /** A string-valued variable by its marker name; null for a name that is not one. */
  String value(String name) {
    switch (name) {
      case "implementation_name":
        return implementationName;
      case "implementation_version":
        return implementationVersion;
      case "os_name":
        return osName;
      case "platform_machine":
        return platformMachine;
      case "platform_release":
        return platformRelease;
      case "platform_system":
        return platformSystem;
      case "platform_version":
        return platformVersion;
      case "python_full_version":
        return pythonFullVersion;
      case "platform_python_implementation":
        return platformPythonImplementation;
      case "python_version":
        return pythonVersion;
      case "sys_platform":
        return sysPlatform;
      case "extra":
        return extra;
      default:
        return null;
    }
  }

  /** A set-valued variable ({@code extras}, {@code dependency_groups}); null otherwise. */
  Set<String> setValue(String name) {
    switch (name) {
      case "extras":
        return extras;
      case "dependency_groups":
        return dependencyGroups;
      default:
        return null;
    }
  }
}
