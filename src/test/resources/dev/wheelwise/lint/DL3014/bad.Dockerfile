FROM debian:12
# expect: DL3014
RUN apt-get install python=2.7
