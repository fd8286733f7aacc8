FROM debian:12
RUN apt-get install -y python=2.7
RUN apt-get install -y ./local.deb
