# expect: DL3026
FROM quay.io/ns/image:1.0
