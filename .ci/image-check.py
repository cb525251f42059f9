"""Checks the image Jib wrote (target/quorum-image.tar, `docker save` format) against docs/deployment.md: entrypoint,
user, working directory, ports, volume, environment, and that the default settings, routes, console war and data
folder are inside with the documented permissions. Exits 1 naming each difference."""
import json, sys, tarfile

path = sys.argv[1]
problems = []
with tarfile.open(path) as image:
    manifest = json.load(image.extractfile("manifest.json"))[0]
    config = json.load(image.extractfile(manifest["Config"]))["config"]
    files = {}
    for layer in manifest["Layers"]:
        with tarfile.open(fileobj=image.extractfile(layer)) as tar:
            for member in tar.getmembers():
                files["/" + member.name.lstrip("./")] = member


def expect(what, actual, wanted):
    if actual != wanted:
        problems.append(f"{what}: {actual!r}, expected {wanted!r}")


expect("entrypoint", config.get("Entrypoint"),
       ["java", "-XX:MaxTenuringThreshold=1", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError",
        "-Duser.home=/quorum", "-cp", "@/app/jib-classpath-file", "dev.quorum.QuorumApplication"])
expect("user", config.get("User"), "10001:0")
expect("working directory", config.get("WorkingDir"), "/quorum")
expect("ports", sorted(config.get("ExposedPorts", {})), ["8080/tcp", "8081/tcp"])
expect("volumes", sorted(config.get("Volumes", {})), ["/quorum/data"])
env = dict(item.split("=", 1) for item in config.get("Env", []))
expect("HOME", env.get("HOME"), "/quorum")
expect("QUORUM_CONSOLE_WAR", env.get("QUORUM_CONSOLE_WAR"), "/app/console/hawtio.war")
for needed in ("/app/resources/quorum/application.properties", "/app/resources/quorum/routes/engine/intake.camel.yaml",
               "/app/resources/quorum/routes/http.camel.yaml", "/app/classes/dev/quorum/QuorumApplication.class",
               "/app/console/hawtio.war", "/app/jib-classpath-file", "/quorum/data/README.txt"):
    if needed not in files:
        problems.append(f"missing {needed}")
for folder in ("/quorum", "/quorum/data"):
    if folder in files:
        expect(f"mode of {folder}", oct(files[folder].mode & 0o777), "0o775")
    else:
        problems.append(f"missing folder {folder}")
if problems:
    print("image-check: target image differs from docs/deployment.md:\n  " + "\n  ".join(problems))
    sys.exit(1)
print(f"image-check: {path}: entrypoint, user 10001:0, /quorum, ports 8080 8081, volume /quorum/data, "
      f"defaults and routes inside ({len(files)} files)")
