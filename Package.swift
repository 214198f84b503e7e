// swift-tools-version:6.0
import PackageDescription

// Direction of dependencies: vpcpipe -> Terminal -> Wizard -> Planner. Nothing points back.
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
        // Data that is not code (examples, help texts, the scripts' bash library) compiled into
        // the binary, so that a copy of the binary alone works anywhere.
        .target(
            name: "VpcpipeResources",
            path: "Resources",
            resources: [.embedInCode("examples/article.yaml"), .embedInCode("scripts")]
        ),
        .target(name: "Planner", dependencies: ["Yams", "VpcpipeResources"]),
        // Writing the output folder: the only file I/O both front ends share.
        .target(name: "Export", dependencies: ["Planner"]),
        .target(name: "Wizard", dependencies: ["Planner"]),
        .target(name: "Terminal", dependencies: ["Wizard", "Export", "CNcursesw"]),
        .executableTarget(
            name: "vpcpipe",
            dependencies: [
                "Planner", "Export", "Wizard", "Terminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // vpcpipe's own speed and memory, printed (README: Performance).
        .executableTarget(name: "vpcpipe-bench", dependencies: ["Planner", "Wizard", "Export", "VpcpipeResources"]),
        // What the test targets share: the article fixture, the process runner, seeds, golden
        // files, the built binary's path and the local AWS emulation.
        .testTarget(name: "TestSupport", dependencies: ["Planner", "VpcpipeResources"]),
        .testTarget(name: "PlannerTests", dependencies: ["Planner", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "WizardTests", dependencies: ["Wizard", "TestSupport"], exclude: ["Golden"]),
        // Drives the built binary in tmux; depends on it so that it is built.
        .testTarget(name: "WizardE2ETests", dependencies: ["vpcpipe", "TestSupport"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "TestSupport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["Planner", "vpcpipe", "TestSupport"]),
        // The built binary as a user runs it: options, exit statuses, the README's claims.
        .testTarget(name: "CommandLineTests", dependencies: ["Planner", "vpcpipe", "TestSupport"]),
        // Hostile answers files through the built binary, and generated valid answers through
        // bash, shellcheck and the dry run.
        .testTarget(name: "HostileTests", dependencies: ["Planner", "vpcpipe", "TestSupport"], exclude: ["Corpus"]),
    ]
)
