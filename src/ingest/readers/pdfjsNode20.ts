// pdf.js 5 hands fonts from its parser to its API with ArrayBuffer.prototype.transferToFixedLength
// (ES2024, Node 22+). On Node 20 that call fails inside pdf.js, fonts never arrive, and their names,
// which tell bold text, stay unknown. This copying stand-in is only installed where the method is
// missing; drop the module with Node 20.
type Transferable = ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };

const proto = ArrayBuffer.prototype as Transferable;
if (typeof proto.transferToFixedLength !== "function") {
  Object.defineProperty(ArrayBuffer.prototype, "transferToFixedLength", {
    value(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
    writable: true,
    configurable: true,
  });
}
