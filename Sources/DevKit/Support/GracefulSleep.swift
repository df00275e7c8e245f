import ServiceLifecycle

/// Sleeps for `duration` unless the service group shuts down (or the task is cancelled) first;
/// false means it is time to stop, for the loops of services that wake up on a timer.
func sleepUnlessShuttingDown(for duration: Duration) async -> Bool {
    guard !Task.isCancelled, !Task.isShuttingDownGracefully else { return false }
    do {
        try await cancelWhenGracefulShutdown { try await Task.sleep(for: duration) }
        return !Task.isShuttingDownGracefully
    } catch {
        return false
    }
}
