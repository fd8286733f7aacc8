FROM debian:12
RUN apt-get install -y python=2.7
RUN apt-get --yes install curl
RUN apt-get -qq install curl
RUN apt-get install --assume-yes curl
