/// Why `devkit check` could not check at all (as opposed to a scenario that failed). Each case
/// knows its exit status: 64 for input the user must fix, 69 for a machine that cannot run the check.
public enum CheckError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command line is wrong.
    case usage(String)
    /// The steps file is wrong, at these places.
    case stepsFile([Diagnostic])
    /// A program is not installed: its name and the Debian package that has it.
    case browserMissing(program: String, package: String)
    /// chromedriver or Chromium would not start.
    case browserCannotStart(String)
    /// The simulator cannot be served (the site does not build, the port cannot be bound).
    case simulatorUnavailable(String)

    /// The process exit status for this error (sysexits.h: EX_USAGE, EX_UNAVAILABLE).
    public var exitCode: Int32 {
        switch self {
        case .usage, .stepsFile: 64
        case .browserMissing, .browserCannotStart, .simulatorUnavailable: 69
        }
    }

    public var description: String {
        switch self {
        case let .usage(message): message
        case let .stepsFile(diagnostics): diagnostics.map(\.description).joined(separator: "\n")
        case let .browserMissing(program, package):
            "\(program) was not found on PATH. devkit check drives headless Chromium through chromedriver: install Debian's " +
                "chromium and chromium-driver packages (sudo apt-get install -y chromium chromium-driver), or set " +
                "\(program == "chromedriver" ? "CHROMEDRIVER" : "CHROMIUM") to the program's path. (missing package: \(package))"
        case let .browserCannotStart(reason): "headless Chromium could not start: \(reason)"
        case let .simulatorUnavailable(reason): "the host simulator cannot be served: \(reason)"
        }
    }
}
