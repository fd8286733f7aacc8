FROM debian:12
# expect: DL4006
RUN wget -O - https://some.site | wc -l > /number
