package dev.wheelwise.cli;

import dev.wheelwise.image.Catalog;
import dev.wheelwise.image.CatalogEntry;
import dev.wheelwise.image.ImageFacts;
import dev.wheelwise.image.ImageReference;
import dev.wheelwise.image.InvalidImageReference;
import dev.wheelwise.image.InvalidPlatform;
import dev.wheelwise.image.Overlay;
import dev.wheelwise.image.Platform;
import dev.wheelwise.image.ResolvedImage;
import dev.wheelwise.image.UnknownImage;
import dev.wheelwise.pep440.Version;
import dev.wheelwise.report.ImagesJson;
import dev.wheelwise.report.ImagesTable;
import dev.wheelwise.tags.Libc;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code wheelwise images [REF…]}: the base-image catalog as a table or JSON, or the given
 * references resolved as Docker reads them. A reference the catalog cannot place is an error
 * (exit 2) naming {@code --python} and {@code --libc}; with both given, it is described by them.
 */
@Command(
    name = "images",
    description = "The base-image catalog: OS, libc, Python, pip, sizes, compilers, as-of date.",
    subcommands = {ImagesRefreshCommand.class, ImagesDescribeCommand.class})
final class ImagesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @picocli.CommandLine.Mixin OutputOptions verbosity = new OutputOptions();

  @Parameters(arity = "0..*", paramLabel = "REF", description = "Image references, e.g. python:3.12-slim (default: the whole catalog).")
  List<String> refs = new ArrayList<>();

  @Option(names = "--python", paramLabel = "X.Y", description = "Only images with this Python; for a REF the catalog cannot place, its Python.")
  String python;

  @Option(names = "--libc", paramLabel = "LIBC", description = "Only images with this libc (musl, glibc, glibc-2.36); for an unplaced REF, its libc.")
  String libc;

  @Option(names = "--platform", paramLabel = "OS/ARCH[/VARIANT]", description = "Platform for sizes and targets (default: linux/amd64).")
  String platform = "linux/amd64";

  @Option(names = "--as-of", paramLabel = "DATE", description = "The records in force on this date (YYYY-MM-DD).")
  String asOf;

  @Option(names = "--format", paramLabel = "FORMAT", description = "table or json (default: table).")
  String format = "table";

  @Option(names = "--overlay", paramLabel = "FILE", description = "The local catalog overlay written by 'images refresh' (default: $XDG_CACHE_HOME/wheelwise/images.json).")
  Path overlay;

  @Override
  public Integer call() throws InvalidPlatform, InvalidImageReference {
    Platform wanted = Platform.parse(platform);
    Optional<LocalDate> date = date();
    if (!format.equals("table") && !format.equals("json")) {
      throw new UsageException("--format: expected table or json, got '" + format + "'");
    }
    Catalog catalog;
    try {
      catalog = CatalogFiles.load(overlayPath(), verbosity.trace(spec.commandLine().getErr()));
    } catch (IOException | RuntimeException badOverlay) {
      throw new UsageException("cannot read the catalog overlay " + overlayPath() + ": " + badOverlay.getMessage()
          + "; delete it, or write it again with 'wheelwise images refresh IMAGE'");
    }
    List<ImageFacts> shown = refs.isEmpty() ? listing(catalog, wanted, date) : resolved(catalog, wanted, date);
    String text = format.equals("json") ? ImagesJson.render(shown, date) : ImagesTable.render(shown, !refs.isEmpty());
    spec.commandLine().getOut().print(text);
    spec.commandLine().getOut().flush();
    return Main.EXIT_OK;
  }

  Path overlayPath() {
    return overlay != null ? overlay : Overlay.defaultPath(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  private List<ImageFacts> resolved(Catalog catalog, Platform wanted, Optional<LocalDate> date) throws InvalidImageReference {
    List<ImageFacts> out = new ArrayList<>();
    for (String text : refs) {
      ImageReference ref = ImageReference.parse(text);
      ResolvedImage image;
      try {
        image = catalog.resolve(ref, date);
      } catch (UnknownImage unknown) {
        if (python == null || libc == null) {
          throw new UsageException(unknown.getMessage());
        }
        image = catalog.describe(ref, pythonVersion(), libcValue().orElseThrow(
            () -> new UsageException("--libc: expected glibc-X.Y or musl-X.Y to describe " + ref.familiar() + ", got '" + libc + "'")));
      }
      try {
        out.add(ImageFacts.of(image, wanted));
      } catch (UnknownImage unavailable) {
        throw new UsageException(unavailable.getMessage());
      }
    }
    return out;
  }

  private List<ImageFacts> listing(Catalog catalog, Platform wanted, Optional<LocalDate> date) {
    List<CatalogEntry> entries = date.map(catalog::inForce).orElse(catalog.entries());
    Optional<Version> pythonFilter = python == null ? Optional.empty() : Optional.of(pythonVersion());
    Optional<Libc.Family> familyFilter = libc == null ? Optional.empty() : Optional.of(libcFamily());
    Optional<Libc> libcFilter = libc == null ? Optional.empty() : libcValue();
    List<ImageFacts> out = new ArrayList<>();
    for (CatalogEntry e : entries) {
      if (pythonFilter.isPresent() && !e.python().value().map(v -> samePython(v, pythonFilter.get())).orElse(false)) {
        continue;
      }
      if (familyFilter.isPresent() && !e.libcFamily().equals(familyFilter)) {
        continue;
      }
      if (libcFilter.isPresent() && !e.libc().equals(libcFilter)) {
        continue;
      }
      try {
        out.add(ImageFacts.of(new ResolvedImage(e.reference(), e, ResolvedImage.Resolution.LISTED, Optional.empty(), List.of()), wanted));
      } catch (UnknownImage notOnThisPlatform) {
        // Listing: images not published for the platform are left out, as docker pull would fail.
      }
    }
    return out;
  }

  /** {@code --python 3.12} matches every 3.12.x; {@code --python 3.12.7} only that release. */
  private static boolean samePython(Version image, Version wanted) {
    for (int i = 0; i < wanted.release().size(); i++) {
      if (!image.releasePart(i).equals(wanted.releasePart(i))) {
        return false;
      }
    }
    return true;
  }

  private Version pythonVersion() {
    Version v = Version.tryParse(python);
    if (v == null || v.release().size() < 2) {
      throw new UsageException("--python: expected a Python version X.Y or X.Y.Z such as 3.12, got '" + python + "'");
    }
    return v;
  }

  private Libc.Family libcFamily() {
    String family = libc.toLowerCase(Locale.ROOT).split("-", 2)[0];
    if (!family.equals("glibc") && !family.equals("musl")) {
      throw new UsageException("--libc: expected musl, glibc, musl-X.Y or glibc-X.Y, got '" + libc + "'");
    }
    return Libc.Family.valueOf(family.toUpperCase(Locale.ROOT));
  }

  private Optional<Libc> libcValue() {
    libcFamily();
    return Libc.parse(libc);
  }

  private Optional<LocalDate> date() {
    return AsOfDate.parse(asOf);
  }
}
