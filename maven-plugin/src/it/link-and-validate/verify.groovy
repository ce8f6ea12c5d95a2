// Checks what the two builds of invoker.properties left behind.
def wasm = new File(basedir, 'target/classes/wasm')
['producer.wasm', 'consumer.wasm', 'layout.json', 'wasm-layout.lock', 'link.json'].each {
    assert new File(wasm, it).isFile() : "missing target/classes/wasm/$it"
}
// a linked module imports the shared memory: "env" "memory" in its import section
def producer = new File(wasm, 'producer.wasm').bytes
assert producer[0..3] == [0, 0x61, 0x73, 0x6d] as byte[] : 'producer.wasm is not a wasm module'
assert new String(producer, 'ISO-8859-1').contains('memory')
assert new File(wasm, 'layout.json').text.contains('"ring"')

// the module is packaged with the application
def jar = new File(basedir, 'target/link-and-validate-1.0.jar')
assert jar.isFile()
def entries = new java.util.zip.ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } }
assert entries.contains('wasm/producer.wasm') && entries.contains('wasm/layout.json')

def report = new File(basedir, 'target/wasm-layout/report.html')
assert report.isFile() : 'missing target/wasm-layout/report.html'
assert report.text.contains('<svg') && report.text.contains('ring')
assert new File(basedir, 'target/wasm-layout/link.sha256').isFile()

def log = new File(basedir, 'build.log').text
// first build: what the modules printed in the shared memory, and the verdict
assert log.contains('consumer: 73 records, checksum d0a72b73')
assert log =~ /\[INFO\] OK: \d+ steps, 0 failed, 0 violations/
// second build: nothing relinked, nothing rerun
assert log.contains('wasm-layout: inputs unchanged, skipping link')
assert log.contains('wasm-layout: inputs unchanged, skipping validate')
assert log.contains('wasm-layout: inputs unchanged, skipping report')
assert log.count('wasm-layout: linked producer') == 1
return true
