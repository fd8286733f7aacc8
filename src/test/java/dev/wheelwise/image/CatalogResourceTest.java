package dev.wheelwise.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wheelwise.testing.Shared;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bundled catalog is exactly what the generator makes from ../shared/catalog, and every tag there resolves to its record. */
class CatalogResourceTest {

  @Test
  void committedResourceEqualsFreshGeneration() throws Exception {
    Path catalogDir = Shared.require("catalog");
    String fresh = CatalogGenerator.generate(catalogDir);
    if (Boolean.getBoolean("wheelwise.updateSnapshots")) {
      Files.writeString(CatalogGenerator.RESOURCE, fresh, StandardCharsets.UTF_8);
    }
    String committed = Files.readString(CatalogGenerator.RESOURCE, StandardCharsets.UTF_8);
    assertThat(committed)
        .as("src/main/resources/dev/wheelwise/image/catalog.json is stale; regenerate with -Dwheelwise.updateSnapshots=true")
        .isEqualTo(fresh);
  }

  @Test
  void everyTagInTheSharedCatalogResolvesToItsRecord() throws Exception {
    JsonNode source = CatalogJson.mapper().readTree(Shared.require("catalog/base-images.json").toFile());
    Catalog catalog = Catalog.bundled();
    int resolved = 0;
    List<String> failures = new ArrayList<>();
    int index = 0;
    for (JsonNode image : source.path("images")) {
      CatalogEntry expected = catalog.entries().get(index++);
      String repository = image.path("repository").asText();
      Optional<LocalDate> asOf = image.path("asOf").isNull() ? Optional.empty() : Optional.of(LocalDate.parse(image.path("asOf").asText()));
      List<String> tags = new ArrayList<>();
      image.path("tags").forEach(t -> tags.add(t.asText()));
      image.path("sharedTags").forEach(t -> tags.add(t.asText()));
      for (String tag : tags) {
        ResolvedImage r = catalog.resolve(ImageReference.parse(repository + ":" + tag), asOf);
        if (r.entry() != expected || r.resolution() != ResolvedImage.Resolution.LISTED) {
          failures.add(repository + ":" + tag + " as of " + asOf + " -> " + r.entry().reference().familiar() + " " + r.entry().asOf());
        }
        resolved++;
      }
      if (!image.path("indexDigest").isNull()) {
        ResolvedImage r = catalog.resolve(ImageReference.parse(repository + "@" + image.path("indexDigest").asText()));
        assertThat(r.entry()).isSameAs(expected);
        resolved++;
      }
    }
    assertThat(failures).isEmpty();
    assertThat(index).isEqualTo(source.path("images").size()).isEqualTo(catalog.entries().size());
    System.err.println("CatalogResourceTest: " + resolved + " tags and digests of " + index + " records resolved to their records");
    assertThat(resolved).isPositive();
  }

  @Test
  void nullsStayUnknownAndFactsKeepTheirProvenance() throws Exception {
    JsonNode source = CatalogJson.mapper().readTree(Shared.require("catalog/base-images.json").toFile());
    Catalog catalog = Catalog.bundled();
    int index = 0;
    for (JsonNode image : source.path("images")) {
      CatalogEntry e = catalog.entries().get(index++);
      assertThat(e.python().known()).isEqualTo(!image.path("python").isNull());
      assertThat(e.pip().known()).isEqualTo(!image.path("pip").isNull());
      for (int i = 0; i < e.platforms().size(); i++) {
        JsonNode p = image.path("platforms").get(i);
        assertThat(e.platforms().get(i).compressedBytes().isPresent()).isEqualTo(p.path("compressedBytes").isNumber());
        assertThat(e.platforms().get(i).uncompressedBytes().isPresent()).isEqualTo(p.path("uncompressedBytes").isNumber());
      }
      boolean recordUnverified = image.toString().contains("UNVERIFIED") && image.path("repository").asText().indexOf('/') < 0
          && !image.path("repository").asText().equals("python") && !image.path("repository").asText().equals("alpine");
      if (recordUnverified && e.libcVersion().known()) {
        assertThat(e.libcVersion().provenance()).as(e.reference().familiar()).isEqualTo(Provenance.UNVERIFIED);
      }
    }
  }
}
