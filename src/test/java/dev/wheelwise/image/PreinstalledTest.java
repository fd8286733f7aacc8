package dev.wheelwise.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The official python images before 3.12 have setuptools; 3.12 and newer, and other images, claim nothing. */
class PreinstalledTest {

  private static ImageFacts facts(String image) throws Exception {
    Catalog catalog = Catalog.bundled();
    return ImageFacts.of(catalog.resolve(ImageReference.parse(image)), Platform.parse("linux/amd64"));
  }

  @Test
  void setuptoolsBefore312Only() throws Exception {
    assertThat(facts("python:3.8.1-slim-buster").preinstalled()).singleElement()
        .satisfies(d -> {
          assertThat(d.name()).isEqualTo("setuptools");
          assertThat(d.version()).isEmpty();
          assertThat(d.basis()).contains("docker-library/python");
        });
    assertThat(facts("python:3.11-alpine").preinstalled()).extracting(PreinstalledDistribution::name).containsExactly("setuptools");
    assertThat(facts("python:3.12-slim").preinstalled()).isEmpty();
    assertThat(facts("python:3.14").preinstalled()).isEmpty();
    assertThat(facts("ubuntu:24.04").preinstalled()).isEmpty();
  }
}
