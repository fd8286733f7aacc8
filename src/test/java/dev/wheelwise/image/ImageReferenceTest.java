package dev.wheelwise.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** References normalized as Docker's distribution/reference does, and refused with what was expected. */
class ImageReferenceTest {

  private static final String SHA = "sha256:1077ff2e8f322b56ed0646a6dbcefa3eaaeb59e8a11bcd24b40984d9a552d2c2";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "-", value = {
    // reference                                     | registry             | repository              | tag                      | digest | familiar
    "python                                          | docker.io            | library/python          | latest                   | -      | python:latest",
    "python:3.12-slim                                | docker.io            | library/python          | 3.12-slim                | -      | python:3.12-slim",
    "docker.io/library/python:3.12-slim-bookworm     | docker.io            | library/python          | 3.12-slim-bookworm       | -      | python:3.12-slim-bookworm",
    "index.docker.io/library/python:3.12             | docker.io            | library/python          | 3.12                     | -      | python:3.12",
    "docker.io/python:3.12.7-alpine3.20              | docker.io            | library/python          | 3.12.7-alpine3.20        | -      | python:3.12.7-alpine3.20",
    "python@SHA                                      | docker.io            | library/python          | -                        | SHA    | python@SHA",
    "python:3.8@SHA                                  | docker.io            | library/python          | 3.8                      | SHA    | python:3.8@SHA",
    "ghcr.io/astral-sh/uv:python3.12-bookworm-slim   | ghcr.io              | astral-sh/uv            | python3.12-bookworm-slim | -      | ghcr.io/astral-sh/uv:python3.12-bookworm-slim",
    "localhost:5000/team/app:1.0                     | localhost:5000       | team/app                | 1.0                      | -      | localhost:5000/team/app:1.0",
    "localhost/app                                   | localhost            | app                     | latest                   | -      | localhost/app:latest",
    "myuser/my-image:v1                              | docker.io            | myuser/my-image         | v1                       | -      | myuser/my-image:v1",
    "127.0.0.1:5000/python:3.12                      | 127.0.0.1:5000       | python                  | 3.12                     | -      | 127.0.0.1:5000/python:3.12",
    "[::1]:5000/python:3.12                          | [::1]:5000           | python                  | 3.12                     | -      | [::1]:5000/python:3.12",
    "gcr.io/distroless/python3-debian12:nonroot      | gcr.io               | distroless/python3-debian12 | nonroot              | -      | gcr.io/distroless/python3-debian12:nonroot",
    "Registry.Example.com:443/a/b/c:Tag_1            | Registry.Example.com:443 | a/b/c               | Tag_1                    | -      | Registry.Example.com:443/a/b/c:Tag_1",
    "a__b/c-d---e.f_g:x                              | docker.io            | a__b/c-d---e.f_g        | x                        | -      | a__b/c-d---e.f_g:x",
  })
  void parsesAsDockerDoes(String text, String registry, String repository, String tag, String digest, String familiar) throws Exception {
    ImageReference ref = ImageReference.parse(text.replace("SHA", SHA));
    assertThat(ref.registry()).isEqualTo(registry);
    assertThat(ref.repository()).isEqualTo(repository);
    assertThat(ref.tag()).isEqualTo(Optional.ofNullable(tag));
    assertThat(ref.digest()).isEqualTo(Optional.ofNullable(digest).map(d -> d.replace("SHA", SHA)));
    assertThat(ref.familiar()).isEqualTo(familiar.replace("SHA", SHA));
    assertThat(ImageReference.parse(ref.toString())).as("the canonical form parses to itself").isEqualTo(ref);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(delimiter = '|', value = {
    // reference           | column | message fragment
    "''                    | 1      | expected an image reference such as python:3.12-slim",
    "Python:3.12           | 1      | repository names must be lowercase",
    "python:               | 8      | expected a tag after ':'",
    "python:-rc            | 8      | not starting with '.' or '-'",
    "'python:3.12 '        | 8      | expected a tag after ':'",
    "python@sha256:abc     | 15     | expected 64 lowercase hex digits after 'sha256:'",
    "python@               | 8      | expected a digest after '@' such as sha256:",
    ":3.12                 | 1      | expected a repository name",
    "team/my_/img          | 6      | expected a path component of lowercase letters and digits",
    "a/b//c                | 5      | expected a path component",
    "localhost:abc/x       | 11     | expected a port number after ':'",
    "-bad.io/x             | 1      | expected a registry host",
    "1077ff2e8f322b56ed0646a6dbcefa3eaaeb59e8a11bcd24b40984d9a552d2c2 | 1 | is an image ID, not a reference",
  })
  void refusesWithWhatWasExpected(String text, int column, String fragment) {
    assertThat(ImageReference.isValid(text)).isFalse();
    assertThatThrownBy(() -> ImageReference.parse(text))
        .isInstanceOf(InvalidImageReference.class)
        .hasMessageContaining(fragment)
        .satisfies(e -> assertThat(((InvalidImageReference) e).span().column()).isEqualTo(column))
        .satisfies(e -> assertThat(((InvalidImageReference) e).render()).contains(text).contains("^"));
  }
}
