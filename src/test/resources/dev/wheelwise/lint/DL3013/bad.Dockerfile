FROM python:3.12
# expect: DL3013
RUN pip install django
# expect: DL3013
RUN python3 -m pip install --upgrade pip
# expect: DL3013
RUN uv pip install --system requests
# expect: DL3013
RUN pipx install black
