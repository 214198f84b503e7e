import Foundation
import Planner
import VpcpipeResources
import Wizard

// vpcpipe's own speed: `swift build -c release && .build/release/vpcpipe-bench` prints medians
// and p99 of the headless job in memory and as a process, of one wizard key press (update and
// view), of one line of a script's progress on the wizard's progress screen and the screen's
// loop while a script floods it, of plans that grow, and the peak memory of a wizard run and a
// headless run.
// `--wizard-run` is the child whose peak memory stands for a full wizard session.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--wizard-run" {
    WizardSession.runOnce(size: Size(columns: 200, rows: 60))
    exit(0)
}
let quick = arguments.contains("--quick")
let scale = quick ? 10 : 1
let own = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
let vpcpipe = option("--vpcpipe") ?? own.deletingLastPathComponent().appendingPathComponent("vpcpipe").path

func option(_ name: String) -> String? {
    arguments.firstIndex(of: name).flatMap { arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil }
}

func section(_ title: String) {
    print("\n## \(title)\n")
    print(Samples.header)
}

// MARK: The headless job in memory

let article = BundledText.articleExample

/// Parse, validate, plan and render every file of the output folder, as `--headless` does
/// (rendering even past errors: 64 subnets break the rules' limit of 16 but show how the work
/// grows). Returns the bytes rendered.
@discardableResult
func headlessJob(_ text: String) -> Int {
    let (answers, _) = AnswersFile.read(text)
    return Outputs.render(answers).reduce(0) { $0 + $1.contents.utf8.count }
}

print("vpcpipe-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores\(quick ? ", --quick (a tenth of the runs)" : "")")
section("Headless job for Resources/examples/article.yaml, in memory")
let (answers, problems) = AnswersFile.read(article)
precondition(!problems.hasErrors, "the article's answers are invalid: \(problems)")
let plan = Planner.plan(answers)
let runs = 2_000 / scale
for samples in [
    Samples.measure("parse + validate (AnswersFile.read)", runs: runs) { _ = AnswersFile.read(article) },
    Samples.measure("plan (Planner.plan)", runs: runs) { _ = Planner.plan(answers) },
    Samples.measure("render setup.sh", runs: runs) { _ = ScriptRenderer.render(.setup, plan) },
    Samples.measure("render teardown.sh", runs: runs) { _ = ScriptRenderer.render(.teardown, plan) },
    Samples.measure("render checklist.md", runs: runs) { _ = Checklist.render(plan) },
    Samples.measure("render plan.json", runs: runs) { _ = PlanJSON.render(plan) },
    Samples.measure("write answers.yaml (AnswersFile.write)", runs: runs) { _ = AnswersFile.write(answers) },
    Samples.measure("plan and render every file (Outputs.render)", runs: runs) { _ = Outputs.render(answers) },
    Samples.measure("whole job: parse, validate, plan, render", runs: runs) { headlessJob(article) },
] {
    print(samples.row)
}

// MARK: Growing plans

section("Whole headless job (in memory) by subnets and route tables")
var medians: [(count: Int, median: Duration)] = []
for count in [1, 16, 64] {
    var grown = answers
    grown.network.subnets = (0..<count).map { "subnet-" + hex($0) }
    grown.network.routeTables = (0..<count).map { "rtb-" + hex($0) }
    let text = AnswersFile.write(grown)
    let samples = Samples.measure("\(count) subnets and route tables (\(headlessJob(text) / 1024) KiB rendered)",
                                  runs: 1_000 / scale) { headlessJob(text) }
    print(samples.row)
    medians.append((count, samples.median))
}
for (low, high) in zip(medians, medians.dropFirst()) {
    let added = (high.median - low.median).milliseconds / Double(high.count - low.count)
    print("from \(low.count) to \(high.count): +\(fixed(added * 1000, 1)) us per added subnet and route table")
}

/// A valid 17-digit hexadecimal id suffix.
func hex(_ n: Int) -> String {
    let digits = String(n, radix: 16)
    return String(repeating: "0", count: 17 - digits.count) + digits
}

// MARK: One key press

section("One wizard key press: update, then view of the whole frame")
let keys = WizardRun.keys()
var slowest: [String] = []
for size in [Size.minimum, Size(columns: 200, rows: 60)] {
    let times = WizardSession.pressTimes(keys, size: size, sessions: 200 / scale)
    print(times.all.row)
    slowest = times.slowest
}
print("(every key of a scripted session timed: \(keys.count) presses from an empty start to export)")
print("slowest keys at 200x60 (median): " + slowest.joined(separator: "; "))

// MARK: The progress screen

section("The wizard's progress screen: one progress line (update, then view of the whole frame)")
for size in [Size.minimum, Size(columns: 200, rows: 60)] {
    print(ProgressScreen.lineTimes(answers, size: size, sessions: 200 / scale).row)
}
section("The progress screen while a script prints 10 MiB: each loop iteration (read within a budget, update, view)")
let floodFolder = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-bench-flood-\(getpid())")
try FileManager.default.createDirectory(at: floodFolder, withIntermediateDirectories: true)
let flood = try ProgressScreen.flood(answers, mebibytes: 10, in: floodFolder)
try? FileManager.default.removeItem(at: floodFolder)
print(flood.iterations.row)
print("10 MiB printed, read and logged (\(flood.read / 1_048_576) MiB in the log) in \(flood.wall.text); "
      + "the screen waited at most \(flood.iterations.max.text) for an iteration")

// MARK: The vpcpipe process

guard FileManager.default.isExecutableFile(atPath: vpcpipe) else {
    print("\nno vpcpipe at \(vpcpipe): build it first (swift build -c release) or pass --vpcpipe PATH")
    exit(1)
}
section("The vpcpipe process (\(vpcpipe))")
let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vpcpipe-bench-\(getpid())")
try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: folder) }
let answersFile = folder.appendingPathComponent("article.yaml").path
try article.write(toFile: answersFile, atomically: true, encoding: .utf8)
let out = folder.appendingPathComponent("out").path

/// Wall times of `runs` runs of vpcpipe (three more unmeasured first), and their peak memory.
func process(_ label: String, _ arguments: [String]) throws -> (Samples, maxRSS: Int) {
    var walls: [Duration] = [], peak = 0
    for index in 0..<(200 / scale + 3) {
        let run = try ChildRun.run(vpcpipe, arguments)
        guard run.status == 0 else { throw ChildRun.Failure(description: "vpcpipe \(arguments) exited \(run.status)") }
        if index >= 3 { walls.append(run.wall); peak = max(peak, run.maxRSS) }
    }
    return (Samples(label, walls), peak)
}
print(try process("vpcpipe --example (process start, no file read)", ["--example"]).0.row)
print(try process("vpcpipe --headless article.yaml --check", ["--headless", answersFile, "--check"]).0.row)
let (headless, headlessPeak) = try process("vpcpipe --headless article.yaml --out DIR", ["--headless", answersFile, "--out", out])
print(headless.row)

// MARK: Peak memory

print("\n## Peak memory (max RSS of one child process)\n")
print("vpcpipe --headless article.yaml --out DIR: \(mebibytes(headlessPeak))")
let wizard = try ChildRun.run(own.path, ["--wizard-run"])
guard wizard.status == 0 else { throw ChildRun.Failure(description: "--wizard-run exited \(wizard.status)") }
print("wizard session at 200x60 and its export's rendering (vpcpipe-bench --wizard-run): \(mebibytes(wizard.maxRSS))")
