import Foundation

/// A seeded random number generator (SplitMix64), so that a failing run can be repeated from
/// its seed.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The seed of a randomized test: fixed, so that CI runs the same cases every time, unless
/// VPCPIPE_SEED gives another (to repeat a run elsewhere, or to explore). Printed at the start;
/// put it in failure messages too.
public func testSeed(default fixed: UInt64, _ test: String = #function) -> UInt64 {
    let seed = ProcessInfo.processInfo.environment["VPCPIPE_SEED"].flatMap { UInt64($0) } ?? fixed
    print("\(test): seed \(seed) (VPCPIPE_SEED=\(seed) repeats it)")
    return seed
}
