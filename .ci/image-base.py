"""Packs a root file system into a one-layer image archive in `docker save` format, which Jib reads as a base image
(tar:///path): the layer, its config (PATH and JAVA_HOME of Debian's OpenJDK 17) and manifest.json. Used by .ci/image
where no container registry is reachable."""
import hashlib, json, os, sys, tarfile, tempfile

rootfs, out = sys.argv[1], sys.argv[2]
with tempfile.TemporaryDirectory() as work:
    layer = os.path.join(work, "layer.tar")
    with tarfile.open(layer, "w", format=tarfile.PAX_FORMAT) as tar:
        for entry in sorted(os.listdir(rootfs)):
            tar.add(os.path.join(rootfs, entry), arcname=entry)
    digest = hashlib.sha256(open(layer, "rb").read()).hexdigest()
    config = {"architecture": "amd64", "os": "linux",
              "config": {"Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                 "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64", "LANG=C.UTF-8"]},
              "rootfs": {"type": "layers", "diff_ids": ["sha256:" + digest]},
              "history": [{"created_by": "debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm"}]}
    config_bytes = json.dumps(config).encode()
    config_name = hashlib.sha256(config_bytes).hexdigest() + ".json"
    with open(os.path.join(work, config_name), "wb") as f:
        f.write(config_bytes)
    manifest = [{"Config": config_name, "RepoTags": ["quorum-base:bookworm-jre17"], "Layers": ["layer.tar"]}]
    with open(os.path.join(work, "manifest.json"), "w") as f:
        json.dump(manifest, f)
    with tarfile.open(out, "w") as tar:
        for name in ("manifest.json", config_name, "layer.tar"):
            tar.add(os.path.join(work, name), arcname=name)
print("image-base: wrote", out)
