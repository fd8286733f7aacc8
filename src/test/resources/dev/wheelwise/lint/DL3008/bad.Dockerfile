FROM debian:12
# expect: DL3008
RUN apt-get install -y python
