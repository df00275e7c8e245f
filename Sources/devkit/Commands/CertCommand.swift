import ArgumentParser
import DevKit
import Foundation

/// `devkit cert`: the local CA and the localhost certificate.
struct CertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cert",
        abstract: "Show the local CA and localhost certificate (making them if needed) and how to trust the CA.",
        discussion: "Files live in $DEVKIT_HOME (default ~/.devkit): ca.pem, ca-key.pem, localhost.pem, localhost-key.pem."
    )

    @Flag(help: "Add the CA to this Debian/Ubuntu machine's trust stores (system and NSS).")
    var install = false

    @Flag(help: "Make a new CA and localhost certificate (browsers must trust the new CA again).")
    var regenerate = false

    func run() throws {
        let home = DevkitHome()
        let authority = CertificateAuthority(home: home)
        let outcome: CertificateAuthority.Outcome
        do {
            outcome = regenerate ? try authority.regenerate(includingAuthority: true) : try authority.ensure()
        } catch let error as CertificateError {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
        for note in outcome.notes { print(note) }
        if outcome.createdAuthority { print("Created a new local CA in \(home.url.path).\n") }
        print(try CertificateReport(home: home).text)
        if install {
            print("\nInstalling the CA:")
            for line in TrustStoreInstaller(home: home).install() { print("  " + line) }
        }
    }
}
