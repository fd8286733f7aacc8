package dev.wheelwise.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line as the CLI tests make it: the exit code and what each stream got. */
record CliRun(int exit, String out, String err) {

  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(exit, out.toString(), err.toString());
  }
}
