import ArgumentParser
import CoxswainHTTP
import CoxswainStorage
@main struct Main: ParsableCommand { func run() {} }
