FROM debian:12
# expect: DL3009
RUN apt-get update && apt-get install -y python
