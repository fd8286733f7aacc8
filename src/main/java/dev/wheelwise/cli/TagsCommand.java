package dev.wheelwise.cli;

import dev.wheelwise.tags.SupportedTags;
import dev.wheelwise.tags.Tag;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wheelwise tags}: the tags pip accepts inside an image, best first, one per line, in the
 * spirit of {@code pip debug --verbose} run in that image.
 */
@Command(name = "tags", mixinStandardHelpOptions = true,
    description = {"Print the compatibility tags pip accepts inside an image, best first, one per line.",
        "Example: wheelwise tags --python 3.12 --libc musl-1.2 --arch aarch64"})
final class TagsCommand implements Callable<Integer> {

  @Mixin TargetOptions target;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SupportedTags tags = SupportedTags.of(target.toTarget(), target.profile());
    PrintWriter out = spec.commandLine().getOut();
    StringBuilder text = new StringBuilder(tags.ordered().size() * 40);
    for (Tag tag : tags.ordered()) {
      text.append(tag).append('\n');
    }
    out.print(text);
    out.flush();
    return Main.EXIT_OK;
  }
}
