#!/usr/bin/env python3
"""Writes the WheelZipFuzzTest seeds: tiny wheels as pip reads them (deflated and stored
members, a zip64 directory, a comment after the directory). Run from the project root:
python3 fuzz/seeds/wheels.py; the outputs are committed, this script says how they were made."""
import io, pathlib, zipfile

OUT = pathlib.Path("src/test/resources/dev/wheelwise/index/WheelZipFuzzTestInputs/read")
METADATA = (b"Metadata-Version: 2.1\nName: alpha\nVersion: 1.2.0\nRequires-Python: >=3.8\n"
            b"Requires-Dist: beta[c]>=2; sys_platform == 'linux'\nDescription: one\n  continued\n\nbody\n")


def wheel(compression, zip64=False, comment=b""):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=compression) as z:
        z.writestr("alpha/__init__.py", b"x = 1\n")
        with z.open("alpha-1.2.0.dist-info/METADATA", "w", force_zip64=zip64) as f:
            f.write(METADATA)
        z.writestr("alpha-1.2.0.dist-info/RECORD", b"")
        z.comment = comment
    return buf.getvalue()


OUT.mkdir(parents=True, exist_ok=True)
(OUT / "deflated").write_bytes(wheel(zipfile.ZIP_DEFLATED))
(OUT / "stored-with-comment").write_bytes(wheel(zipfile.ZIP_STORED, comment=b"made by hand"))
(OUT / "zip64-member").write_bytes(wheel(zipfile.ZIP_DEFLATED, zip64=True))


def zip64_end(data):
    """The same wheel with its end record moved into a zip64 end record and locator, the classic
    one saying 'see zip64' (0xFFFF, 0xFFFFFFFF) as zip64 writers do."""
    import struct
    i = data.rfind(b"PK\x05\x06")
    _, _, _, n, cd_size, cd_offset, _ = struct.unpack("<HHHHIIH", data[i + 4:i + 22])
    record = struct.pack("<IQHHIIQQQQ", 0x06064B50, 44, 45, 45, 0, 0, n, n, cd_size, cd_offset)
    locator = struct.pack("<IIQI", 0x07064B50, 0, i, 1)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 0xFFFF, 0xFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0)
    return data[:i] + record + locator + end


(OUT / "zip64-end-record").write_bytes(zip64_end(wheel(zipfile.ZIP_DEFLATED)))
