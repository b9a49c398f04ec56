// A @grpc/grpc-js client calling the KtEvents.Rpc server under test.
// Usage: node client.js <host:port> <testing.proto>. Prints one JSON object with what grpc-js reported.
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, protoPath] = process.argv.slice(2);
const definition = protoLoader.loadSync(protoPath, { defaults: true });
const testing = grpc.loadPackageDefinition(definition).kt.testing.v1;

function call(client, method, request, metadata, timeoutMs) {
  return new Promise((resolve) => {
    const options = { deadline: new Date(Date.now() + timeoutMs) };
    let outcome;
    let trailers;
    const done = () => {
      if (outcome && trailers) {
        resolve({ ...outcome, trailers });
      }
    };
    const pending = client[method](request, metadata, options, (error, reply) => {
      outcome = error ? { code: error.code, details: error.details } : { code: 0, reply };
      done();
    });
    pending.on('status', (status) => {
      trailers = status.metadata.getMap();
      done();
    });
  });
}

async function main() {
  const echoService = new testing.EchoService(address, grpc.credentials.createInsecure());
  const unmapped = new testing.UnmappedService(address, grpc.credentials.createInsecure());
  const auth = new grpc.Metadata();
  auth.set('authorization', 'Bearer node');

  const result = {
    echo: await call(echoService, 'Echo', { text: '안녕하세요, grpc-js' }, auth, 10000),
    fail: await call(echoService, 'Fail', { code: grpc.status.NOT_FOUND, message: '이벤트를 찾을 수 없습니다 (100%)' }, new grpc.Metadata(), 10000),
    slow: await call(echoService, 'Slow', {}, new grpc.Metadata(), 300),
    unmapped: await call(unmapped, 'Ping', {}, new grpc.Metadata(), 10000),
  };
  echoService.close();
  unmapped.close();
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + '\n');
  process.exit(1);
});
