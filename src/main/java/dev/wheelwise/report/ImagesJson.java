package dev.wheelwise.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wheelwise.image.CatalogEntry;
import dev.wheelwise.image.Fact;
import dev.wheelwise.image.ImageFacts;
import dev.wheelwise.image.OsRelease;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * {@code wheelwise images --format json} (schema {@code wheelwise.images/1}). Every fact is an
 * object {@code {"value", "provenance", "basis"}}; unknown values are {@code null} with
 * provenance {@code UNKNOWN}, never 0.
 */
public final class ImagesJson {
  private ImagesJson() {}

  public static final String SCHEMA = "wheelwise.images/1";

  public static String render(List<ImageFacts> images, Optional<LocalDate> asOf) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("asOf", asOf.map(LocalDate::toString).orElse(null));
    ArrayNode list = root.putArray("images");
    for (ImageFacts f : images) {
      CatalogEntry e = f.entry();
      ObjectNode o = list.addObject();
      o.put("image", f.image().reference().familiar());
      o.put("record", f.image().canonical().familiar());
      o.put("resolution", f.image().resolution().name());
      o.put("origin", e.origin().name());
      o.put("platform", f.platform().toString());
      o.put("asOf", e.asOf().toString());
      o.put("dated", e.dated());
      ArrayNode tags = o.putArray("tags");
      e.tags().forEach(tags::add);
      fact(o, "os", e.os(), (OsRelease os) -> {
        ObjectNode n = mapper.createObjectNode();
        n.put("id", os.id());
        n.put("version", os.version().orElse(null));
        n.put("codename", os.codename().orElse(null));
        return n;
      });
      o.put("libcFamily", e.libcFamily().map(fam -> fam.lower()).orElse(null));
      fact(o, "libcVersion", e.libcVersion(), v -> mapper.getNodeFactory().textNode(v));
      o.put("libcPackage", e.libcPackage().orElse(null));
      fact(o, "python", e.python(), v -> mapper.getNodeFactory().textNode(v.toString()));
      fact(o, "pip", e.pip(), v -> mapper.getNodeFactory().textNode(v.toString()));
      o.put("pipPackaging", f.pipProfile().map(p -> p.packaging().toString()).orElse(null));
      size(o, "compressedBytes", f.compressedBytes());
      size(o, "uncompressedBytes", f.uncompressedBytes());
      fact(o, "compilers", e.compilers(), cs -> {
        ArrayNode a = mapper.createArrayNode();
        cs.forEach(a::add);
        return a;
      });
      fact(o, "packageManager", e.packageManager(), v -> mapper.getNodeFactory().textNode(v));
      o.put("indexDigest", e.indexDigest().orElse(null));
      o.put("digest", e.platform(f.platform()).flatMap(p -> p.digest()).orElse(null));
      if (f.target().isPresent()) {
        ObjectNode t = o.putObject("target");
        t.put("python", f.target().get().pythonFullVersion());
        t.put("abi", f.target().get().cpythonAbi());
        t.put("libc", f.target().get().libc().toString());
        t.put("arch", f.target().get().arch().tagName());
      } else {
        o.putNull("target");
      }
      o.put("confidence", f.confidence().name());
      ArrayNode unverified = o.putArray("unverified");
      f.unverifiedFacts().forEach(unverified::add);
      ArrayNode sources = o.putArray("sources");
      e.sources().forEach(sources::add);
      ArrayNode remarks = o.putArray("remarks");
      f.remarks().forEach(remarks::add);
    }
    try {
      return mapper.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  private static <T> void fact(ObjectNode parent, String name, Fact<T> fact, Function<T, com.fasterxml.jackson.databind.JsonNode> value) {
    ObjectNode n = parent.putObject(name);
    if (fact.value().isPresent()) {
      n.set("value", value.apply(fact.value().get()));
    } else {
      n.putNull("value");
    }
    n.put("provenance", fact.provenance().name());
    n.put("basis", fact.basis());
  }

  private static void size(ObjectNode o, String name, OptionalLong bytes) {
    if (bytes.isPresent()) {
      o.put(name, bytes.getAsLong());
    } else {
      o.putNull(name);
    }
  }
}
