// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "coxswain",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "coxswain", targets: ["coxswain"])
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", exact: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", exact: "2.1.1"),
        .package(url: "https://github.com/vapor/sql-kit.git", exact: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", exact: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", exact: "2.17.0"),
        .package(url: "https://github.com/vapor/async-kit.git", exact: "1.22.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", exact: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", exact: "2.0.1"),
    ],
    targets: [
        .target(
            name: "CoxswainDomain",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CoxswainCharts",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CoxswainServices",
            dependencies: [
                "CoxswainDomain",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CoxswainStorage",
            dependencies: [
                "CoxswainServices",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "AsyncKit", package: "async-kit"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CoxswainHTTP",
            dependencies: [
                "CoxswainServices",
                "CoxswainCharts",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "coxswain",
            dependencies: [
                "CoxswainHTTP",
                "CoxswainStorage",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CoxswainTesting",
            dependencies: ["CoxswainServices", "CoxswainStorage"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoxswainDomainTests",
            dependencies: [
                "CoxswainDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoxswainChartsTests",
            dependencies: ["CoxswainCharts"],
            resources: [.copy("Golden")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoxswainServicesTests",
            dependencies: ["CoxswainServices", "CoxswainTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoxswainStorageTests",
            dependencies: ["CoxswainStorage", "CoxswainTesting"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CoxswainHTTPTests",
            dependencies: [
                "CoxswainHTTP", "CoxswainTesting",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "coxswainTests",
            dependencies: ["coxswain", "CoxswainTesting"],
            swiftSettings: swiftSettings
        ),
    ]
)
