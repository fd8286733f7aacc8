FROM python:3.12-slim
WORKDIR /app
# expect: WW1005
COPY . .
RUN pip install --no-cache-dir -r requirements.txt
