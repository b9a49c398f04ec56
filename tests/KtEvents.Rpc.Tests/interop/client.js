// A @grpc/grpc-js client calling the KtEvents.Rpc server under test.
// Usage: node client.js <host:port> <testing.proto> [unary|stream]. Prints one JSON object with what
// grpc-js reported: for unary (the default) the EchoService calls, for stream the FeedService.Watch calls.
'use strict';
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const [address, protoPath, mode = 'unary'] = process.argv.slice(2);
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

// Reads a server stream to its end: the replies' texts in order, the status and its trailers.
function watch(client, request, timeoutMs) {
  return new Promise((resolve) => {
    const texts = [];
    const stream = client.Watch(request, new grpc.Metadata(), { deadline: new Date(Date.now() + timeoutMs) });
    stream.on('data', (reply) => texts.push(reply.text));
    // A non-OK status is also emitted as 'error'; it must be listened to, and 'status' reports it.
    stream.on('error', () => {});
    stream.on('status', (status) => {
      setImmediate(() => resolve({ texts, code: status.code, details: status.details, trailers: status.metadata.getMap() }));
    });
  });
}

async function streams() {
  const feed = new testing.FeedService(address, grpc.credentials.createInsecure());
  const result = {
    watch: await watch(feed, { text: '소식', count: 3 }, 10000),
    empty: await watch(feed, { count: 0 }, 10000),
    failAfter: await watch(feed, { text: 'm', count: 2, failCode: grpc.status.NOT_FOUND, failMessage: '이벤트를 찾을 수 없습니다 (100%)' }, 10000),
    failBefore: await watch(feed, { count: 0, failCode: grpc.status.PERMISSION_DENIED, failMessage: '권한 없음' }, 10000),
    deadline: await watch(feed, { text: 'd', count: 1, hang: true }, 500),
  };
  feed.close();
  process.stdout.write(JSON.stringify(result) + '\n');
}

async function main() {
  if (mode === 'stream') {
    await streams();
    return;
  }

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
