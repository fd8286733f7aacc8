FROM debian:12
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN wget -O - https://some.site | wc -l > /number
FROM alpine:3.20
SHELL ["/bin/ash", "-eo", "pipefail", "-c"]
RUN wget -O - https://some.site | wc -l > /number
FROM debian:12
RUN set -o pipefail && wget -O - https://some.site | wc -l > /number
RUN <<EOF
set -eo pipefail
wget -O - https://some.site | wc -l > /number
EOF
FROM mcr.microsoft.com/powershell:7.4-debian-12
SHELL ["pwsh", "-Command"]
RUN Get-ChildItem | Select-Object Name
