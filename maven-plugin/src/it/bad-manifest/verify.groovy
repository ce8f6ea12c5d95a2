def log = new File(basedir, 'build.log').text
// one line, compiler style, naming the file and the place, with the nearest valid key
def line = log.readLines().find { it.contains("unknown key 'stak'") }
assert line != null : 'no error about the misspelt key in build.log'
assert line =~ /src[\\\/]main[\\\/]wasm[\\\/]wasm-layout\.yaml:6:50: unknown key 'stak' in module 'producer'/
assert line.contains("did you mean 'stack'")
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target/classes/wasm').exists() : 'a failed link must write nothing'
return true
