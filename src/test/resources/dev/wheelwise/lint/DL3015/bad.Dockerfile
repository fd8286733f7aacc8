FROM debian:12
# expect: DL3015
RUN apt-get install -y python=2.7
