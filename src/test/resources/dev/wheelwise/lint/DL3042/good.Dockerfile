FROM python:3.12
RUN pip install --no-cache-dir django==1.9
RUN PIP_NO_CACHE_DIR=1 pip install flask==3.0.0
RUN --mount=type=cache,target=/root/.cache/pip pip install requests==2.32.3
RUN uv pip install --system --no-cache flask==3.0.0
RUN --mount=type=cache,target=/root/.cache/uv uv pip install --system flask==3.0.0
RUN pipx install black==24.4.2
FROM python:3.12
ENV PIP_NO_CACHE_DIR=true
RUN pip install django==1.9
