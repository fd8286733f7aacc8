FROM debian:12 AS build
# a builder stage (hadolint#1056)
RUN /foo.sh
RUN /bar.sh
FROM debian:12
COPY --from=build /out /out
RUN /foo.sh && /bar.sh
COPY x /x
RUN /baz.sh
RUN --mount=type=cache,target=/root/.cache /qux.sh
