FROM python:3.12
# expect: DL3042
RUN pip install django==1.9
# expect: DL3042
RUN uv pip install --system flask==3.0.0
