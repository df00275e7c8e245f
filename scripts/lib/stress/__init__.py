"""scripts/stress: load, reload-stream, idle-connection, malformed-request and memory checks of devkit serve."""
