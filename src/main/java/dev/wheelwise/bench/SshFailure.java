package dev.wheelwise.bench;

import java.io.IOException;

/**
 * An ssh connection to the engine that ended before the engine answered, said as a person acts on
 * it: ssh could not log in (exit 255, "Permission denied"), refused the host's key, could not
 * reach the host, or the remote host has no {@code docker} command (exit 127) or no engine.
 */
final class SshFailure extends IOException {

  SshFailure(String message, IOException cause) {
    super(message, cause);
  }

  /** The message for ssh's exit {@code code} and the first line it printed on standard error. */
  static String message(String target, int code, String firstLine) {
    String said = firstLine.isEmpty() ? "" : "'" + firstLine + "', ";
    if (code == 255 && (firstLine.contains("Permission denied") || firstLine.contains("Too many authentication failures"))) {
      return "ssh could not log in to " + target + " (" + said + "ssh exit 255); wheelwise runs ssh with BatchMode=yes, which never "
          + "asks for a password or passphrase: load the key into ssh-agent, or name it with IdentityFile in ~/.ssh/config";
    }
    if (code == 255 && firstLine.contains("Host key verification failed")) {
      return "ssh refused the host key of " + target + " (" + said + "ssh exit 255): it is not in known_hosts, or it changed; "
          + "connect once with ssh to check and accept it";
    }
    if (code == 255) {
      return "ssh could not reach " + target + " (" + said + "ssh exit 255)";
    }
    if (code == 127) {
      return target + " has no docker command on the PATH of an ssh session (" + said + "exit 127); install the Docker CLI there "
          + "(docker system dial-stdio needs 18.09 or later)";
    }
    return "docker system dial-stdio on " + target + " ended without an answer (" + said + "exit " + code
        + "); is the Docker engine running there, and may this user open its socket?";
  }
}
