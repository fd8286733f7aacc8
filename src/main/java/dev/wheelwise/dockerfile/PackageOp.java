package dev.wheelwise.dockerfile;

import java.util.List;

/**
 * A system package operation found in a RUN: {@code manager} is {@code apk}, {@code apt}
 * (apt-get, apt, aptitude), {@code dnf}, {@code yum} or {@code microdnf}; {@code action} is
 * {@code install}, {@code remove} (also apk del, apt purge/autoremove), {@code update}, {@code
 * upgrade} or {@code clean} (including {@code rm -rf /var/lib/apt/lists/*}). {@code packages}
 * are as written (with versions such as {@code gcc=12.2.0-r1}); {@code virtualName} is apk's
 * {@code --virtual}/{@code -t} name, which {@code apk del NAME} later removes as a group.
 */
public record PackageOp(
    String manager,
    String action,
    List<String> packages,
    List<CommandOption> options,
    String virtualName,
    boolean noCache,
    boolean noInstallRecommends,
    List<String> cacheMounts,
    List<String> words,
    int line,
    int column,
    int instructionLine,
    boolean conditional)
    implements Step {

  public PackageOp {
    packages = List.copyOf(packages);
    options = List.copyOf(options);
    cacheMounts = List.copyOf(cacheMounts);
    words = List.copyOf(words);
  }
}
