FROM debian:12
RUN /foo.sh
# expect: DL3059
RUN /bar.sh
