# muster's all-in-one image: tini as PID 1, a Java 17 runtime, PostgreSQL 15, Redis, Python and
# Node for the demo stack, and muster as the supervisor. Build the jar first (the image copies it,
# it does not run Maven):
#
#   mvn -q -B package -DskipTests
#   docker build -t muster-demo .                       # FROM debian:bookworm-slim
#   docker build --build-arg BASE_IMAGE=local/debian:bookworm -t muster-demo .   # no registry
#   docker run --rm -p 7860:7860 -p 53000:53000 -v muster-data:/data muster-demo
#
# JAR_FILE picks another jar inside the build context (default target/muster.jar).
ARG BASE_IMAGE=debian:bookworm-slim
FROM ${BASE_IMAGE}

# The man directory must exist before a JRE is installed on a slim Debian.
RUN mkdir -p /usr/share/man/man1 \
 && printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod 0755 /usr/sbin/policy-rc.d \
 && apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      openjdk-17-jre-headless postgresql-15 redis-server tini \
      python3 python3-psycopg2 python3-redis nodejs util-linux procps \
 && rm -f /usr/sbin/policy-rc.d \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/archives/*.deb \
 && useradd --system --create-home --home-dir /home/app --shell /usr/sbin/nologin app \
 && useradd --uid 1000 --create-home --shell /bin/sh user \
 && mkdir -p /data && chmod 1777 /data

ARG JAR_FILE=target/muster.jar
COPY entrypoint /opt/muster/entrypoint
COPY ${JAR_FILE} /opt/muster/muster.jar
COPY demo /app/demo
COPY profiles /app/profiles

# The AppCDS archive, from the final jar and the entrypoint's own default flags: the shim's training
# run (`check`, then `up` of a small stack that stops itself) loads the classes of loading, preflight,
# prepare, boot, probes, control plane and stop. (A changed jar silently disables the archive, so it
# is made after the COPY, never before.)
RUN chmod 0755 /opt/muster/entrypoint \
 && MUSTER_CDS=build /opt/muster/entrypoint \
 && rm -rf /tmp/muster \
 && /opt/muster/entrypoint --version

# The demo's state (PostgreSQL cluster, Redis dir, logs, generated secrets) lives in /data, which
# any uid may write (sticky, like /tmp): as root muster applies user:/owner:; with --user 1000 (as
# on Hugging Face Spaces, which runs uid 1000, the account "user" here) every service runs as that
# uid and muster says so once.
ENV MUSTER_DEMO_DIR=/tmp/muster-demo \
    BUCKET_DIR=/data/bucket \
    MUSTER_HEALTH_URL=http://127.0.0.1:7860/health
VOLUME ["/data"]
WORKDIR /app
EXPOSE 7860 53000

# Asks muster's own /health (200 only while every required service is ready). No curl needed.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["python3", "-c", "import os,sys,urllib.request as u\ntry: sys.exit(0 if u.urlopen(os.environ['MUSTER_HEALTH_URL'], timeout=4).status == 200 else 1)\nexcept Exception as e: print(e); sys.exit(1)"]

# tini -g: PID 1 reaps zombies and forwards SIGTERM from `docker stop` to muster's process group;
# muster then stops every service cleanly (PostgreSQL with SIGINT, a fast shutdown).
ENTRYPOINT ["tini", "-g", "--", "/opt/muster/entrypoint"]
CMD ["up", "-p", "/app/profiles/image.yaml"]
