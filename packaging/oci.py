#!/usr/bin/env python3
"""Writes a container image of a root file system as one tar that both `docker load` (its
manifest.json, Docker 20.10 and later) and OCI tools (its oci-layout and index.json, as
`skopeo copy oci-archive:` reads) accept. Reproducible: sorted entries, one timestamp, numeric
owners, gzip without a name or time, JSON with sorted keys. No daemon and no registry.

    oci.py ROOTFS OUT.tar --layer DIR[,DIR…] … --config-json JSON --tag NAME:VERSION --epoch SECONDS

Each --layer names the top-level paths of ROOTFS it holds, in order (the base libraries, then the
application), so a new release changes only the last layer.
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import stat
import tarfile
import time


def layer_tar(rootfs, tops, epoch):
    """The uncompressed tar of the paths under `tops` (relative to rootfs), owners kept as numbers."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tar:
        paths = []
        for top in tops:
            parts = top.split("/")
            # the parent folders of a nested top come first (opt/ for opt/wheelwise)
            for i in range(1, len(parts)):
                paths.append("/".join(parts[:i]))
            full = os.path.join(rootfs, top)
            paths.append(top)
            if os.path.isdir(full) and not os.path.islink(full):
                for dirpath, dirnames, filenames in os.walk(full):
                    for name in dirnames + filenames:
                        paths.append(os.path.relpath(os.path.join(dirpath, name), rootfs))
        for rel in sorted(set(paths)):
            full = os.path.join(rootfs, rel)
            info = tar.gettarinfo(full, arcname=rel)
            info.mtime = epoch
            info.uname = info.gname = ""
            if info.isreg():
                with open(full, "rb") as f:
                    tar.addfile(info, f)
            else:
                tar.addfile(info)
    return buf.getvalue()


def blob(out, data):
    digest = "sha256:" + hashlib.sha256(data).hexdigest()
    info = tarfile.TarInfo("blobs/sha256/" + digest[7:])
    info.size = len(data)
    info.mtime = 0
    info.mode = 0o444
    out.addfile(info, io.BytesIO(data))
    return digest


def canonical(obj):
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("rootfs")
    p.add_argument("out")
    p.add_argument("--layer", action="append", required=True)
    p.add_argument("--config-json", required=True, help="the image config's 'config' object (Entrypoint, User, …)")
    p.add_argument("--architecture", required=True)
    p.add_argument("--tag", required=True)
    p.add_argument("--epoch", type=int, required=True)
    a = p.parse_args()

    created = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(a.epoch))
    container_config = json.loads(a.config_json)
    with tarfile.open(a.out, mode="w", format=tarfile.PAX_FORMAT) as out:
        for folder in ("blobs", "blobs/sha256"):
            info = tarfile.TarInfo(folder)
            info.type = tarfile.DIRTYPE
            info.mode = 0o755
            out.addfile(info)
        layers, diff_ids = [], []
        for spec in a.layer:
            raw = layer_tar(a.rootfs, spec.split(","), a.epoch)
            packed = gzip.compress(raw, compresslevel=6, mtime=0)
            diff_ids.append("sha256:" + hashlib.sha256(raw).hexdigest())
            layers.append((blob(out, packed), len(packed), spec))
        config = {
            "created": created,
            "architecture": a.architecture,
            "os": "linux",
            "config": container_config,
            "rootfs": {"type": "layers", "diff_ids": diff_ids},
            "history": [{"created": created, "created_by": "packaging/image.sh: " + spec} for _, _, spec in layers],
        }
        config_bytes = canonical(config)
        config_digest = blob(out, config_bytes)
        manifest = {
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.manifest.v1+json",
            "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": len(config_bytes)},
            "layers": [{"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": d, "size": n} for d, n, _ in layers],
            "annotations": {k: v for k, v in container_config.get("Labels", {}).items()},
        }
        manifest_bytes = canonical(manifest)
        manifest_digest = blob(out, manifest_bytes)
        index = {
            "schemaVersion": 2,
            "mediaType": "application/vnd.oci.image.index.v1+json",
            "manifests": [{
                "mediaType": "application/vnd.oci.image.manifest.v1+json",
                "digest": manifest_digest,
                "size": len(manifest_bytes),
                "annotations": {"org.opencontainers.image.ref.name": a.tag.split(":", 1)[1], "io.containerd.image.name": a.tag},
                "platform": {"architecture": a.architecture, "os": "linux"},
            }],
        }
        docker = [{"Config": "blobs/sha256/" + config_digest[7:], "RepoTags": [a.tag],
                   "Layers": ["blobs/sha256/" + d[7:] for d, _, _ in layers]}]
        for name, data in (("oci-layout", canonical({"imageLayoutVersion": "1.0.0"})), ("index.json", canonical(index)),
                           ("manifest.json", canonical(docker))):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mode = 0o444
            out.addfile(info, io.BytesIO(data))
    print(manifest_digest)


if __name__ == "__main__":
    main()
