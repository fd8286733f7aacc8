FROM python:3.12
RUN pip install django==1.9
RUN pip install -r requirements.txt
RUN pip install .
RUN pip install "requests>=2.31,<3"
RUN pip install git+https://github.com/pallets/flask@3.0.0
RUN pip install /wheels/app-1.0-py3-none-any.whl
RUN pip install --index-url https://example.org/simple flask==3.0.0
RUN pip install -c constraints.txt flask
RUN uv pip install --system --python 3.12 flask==3.0.0
