import Foundation
import XCTest

/// A test against the local AWS emulation: each test gets an emulator and a work folder (the
/// AWS CLI's HOME) of its own, stopped and removed after it, and, where the class asks for it,
/// the article's pipeline rendered for that emulator.
open class EmulatorTestCase: XCTestCase {
    /// Whether each test starts with the operator's network made and the article's output
    /// folder rendered for it (`pipeline`).
    open class var rendersArticlePipeline: Bool { false }

    public private(set) var emulator: Emulator!
    public private(set) var work: URL!
    /// The AWS CLI pointed at the emulator.
    public private(set) var aws: AWSCLI!
    public private(set) var pipeline: ArticlePipeline!

    override open func setUpWithError() throws {
        work = try temporaryFolder(String(describing: type(of: self)))
        emulator = try Emulator()
        aws = AWSCLI(environment: emulator.environment(home: work))
        if Self.rendersArticlePipeline {
            pipeline = try ArticlePipeline(emulator: emulator, work: work)
        }
    }

    override open func tearDown() {
        emulator?.stop()
        if let work { try? FileManager.default.removeItem(at: work) }
    }
}
