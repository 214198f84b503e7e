// swift-tools-version:6.0
import PackageDescription

// Direction of dependencies: vpcpipe -> Terminal -> Wizard -> Planner -> Account. Nothing points back.
let package = Package(
    // Linux only: CNcursesw links Linux's static ncurses archives (README: Install).
    name: "vpcpipe",
    products: [
        .executable(name: "vpcpipe", targets: ["vpcpipe"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(name: "CNcursesw", path: "Sources/CNcursesw"),
        // Data that is not code (examples, help texts, the scripts' bash library, the price table) compiled into
        // the binary, so that a copy of the binary alone works anywhere.
        .target(
            name: "VpcpipeResources",
            path: "Resources",
            resources: [.embedInCode("examples/article.yaml"), .embedInCode("scripts"), .embedInCode("prices.tsv")]
        ),
        // Reading the account through the AWS CLI, read-only: the calls and what they answer.
        // Only the front ends (vpcpipe, Terminal) run them; the planner and the wizard read
        // their answers.
        .target(name: "Account"),
        .target(name: "Planner", dependencies: ["Yams", "VpcpipeResources", "Account"]),
        // Writing the output folder: the only file I/O both front ends share.
        .target(name: "Export", dependencies: ["Planner"]),
        .target(name: "Wizard", dependencies: ["Planner", "Account"]),
        .target(name: "Terminal", dependencies: ["Wizard", "Export", "Account", "CNcursesw"]),
        .executableTarget(
            name: "vpcpipe",
            dependencies: [
                "Account", "Planner", "Export", "Wizard", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // vpcpipe's own speed and memory, printed (README: Performance).
        .executableTarget(name: "vpcpipe-bench", dependencies: ["Planner", "Wizard", "Export", "VpcpipeResources"]),
        // The price table's refresh from the AWS Price List API (README: What it costs).
        .executableTarget(name: "vpcpipe-prices", dependencies: ["Planner"]),
        // What the test targets share: the article fixture, the process runner, seeds, golden
        // files, the built binary's path, the local AWS emulation and the wizard's driver by labels.
        .testTarget(name: "TestSupport", dependencies: ["Planner", "Wizard", "VpcpipeResources"]),
        .testTarget(name: "AccountTests", dependencies: ["Account", "TestSupport"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "WizardTests", dependencies: ["Wizard", "Account", "TestSupport"], exclude: ["Golden"]),
        // Drives the built binary in tmux; depends on it so that it is built.
        .testTarget(name: "WizardE2ETests", dependencies: ["vpcpipe", "Wizard", "TestSupport"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "TestSupport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["Planner", "vpcpipe", "TestSupport"]),
        // The built binary as a user runs it: options, exit statuses, the README's claims.
        .testTarget(name: "CommandLineTests", dependencies: ["Account", "Planner", "vpcpipe", "TestSupport"]),
        // Hostile answers files through the built binary, and generated valid answers through
        // bash, shellcheck and the dry run.
        .testTarget(name: "HostileTests", dependencies: ["Planner", "vpcpipe", "TestSupport", "Yams"], exclude: ["Corpus"]),
    ]
)
