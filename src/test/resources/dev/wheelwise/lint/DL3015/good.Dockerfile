FROM debian:12
RUN apt-get install -y --no-install-recommends python=2.7
RUN apt-get install -y -o APT::Install-Recommends=false curl
