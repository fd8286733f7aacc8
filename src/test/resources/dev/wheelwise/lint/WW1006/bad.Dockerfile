FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.5.0 /uv /bin/uv
WORKDIR /app
COPY pyproject.toml uv.lock ./
# expect: WW1006
RUN uv sync --no-cache
COPY . .
# expect: WW1006
RUN pip install --no-cache-dir .
