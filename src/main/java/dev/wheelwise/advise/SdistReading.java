package dev.wheelwise.advise;

import dev.wheelwise.cost.SdistClass;
import dev.wheelwise.cost.SdistClassifier;
import dev.wheelwise.index.DistFile;
import dev.wheelwise.index.IndexClient;
import dev.wheelwise.index.IndexError;
import dev.wheelwise.index.RecordedSdist;
import dev.wheelwise.index.SdistArchive;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One sdist read from an index and classified (download within the cap, hash-checked, member list
 * within the archive limits), and that answer as a snapshot records it and gives it back: live
 * {@code check} and {@code snapshot build} read an archive the same way.
 */
public final class SdistReading {

  private SdistReading() {}

  /**
   * A classification and whether it rests on the archive's contents; a refusal (too large, a
   * format not read, hostile) does not, and is not cached, so a raised limit can change it.
   */
  public record Outcome(SdistClass value, boolean fromContents) {}

  /** The classification of {@code file}; a refused download or archive is unknown with why. */
  public static Outcome classify(IndexClient client, DistFile file, long maxDownload, SdistArchive.Limits limits) {
    if (!SdistArchive.readable(file.filename())) {
      return new Outcome(SdistClass.unknown(file.filename() + ": archive format not read (tar.gz, tar.bz2, tar and zip are)"), false);
    }
    try {
      byte[] bytes = client.sdistBytes(file, maxDownload);
      return new Outcome(SdistClassifier.classify(SdistArchive.list(file.filename(), bytes, limits)), true);
    } catch (IndexError e) {
      return new Outcome(SdistClass.unknown("the sdist was not read: " + e.getMessage()), false);
    } catch (SdistArchive.Refused e) {
      return new Outcome(SdistClass.unknown(e.getMessage()), false);
    }
  }

  /** What {@code snapshot build} records of each sdist of a local index, with the caps {@code check} has. */
  public static RecordedSdist.Reader recorder(long maxDownload, SdistArchive.Limits limits) {
    return (client, file, index, date) -> {
      SdistClass c = classify(client, file, maxDownload, limits).value();
      return new RecordedSdist(c.kindName(), c.languages().stream().sorted().map(SdistClass.Language::name).toList(), c.evidence(), index, date);
    };
  }

  /**
   * A recorded classification as the planner takes it, its provenance the last line of the
   * evidence; empty when the record names a kind or language this version does not know.
   */
  public static Optional<SdistClass> fromRecord(RecordedSdist r) {
    Set<SdistClass.Language> languages = EnumSet.noneOf(SdistClass.Language.class);
    try {
      r.languages().forEach(l -> languages.add(SdistClass.Language.valueOf(l)));
      SdistClass.Kind kind = SdistClass.Kind.valueOf(r.kind().toUpperCase(Locale.ROOT));
      List<String> evidence = new ArrayList<>(r.evidence());
      evidence.add(provenance(r));
      return Optional.of(new SdistClass(kind, languages, evidence, false));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** "classified when the snapshot was built from INDEX on DATE". */
  public static String provenance(RecordedSdist r) {
    return "classified when the snapshot was built from " + r.index() + " on " + r.date();
  }
}
