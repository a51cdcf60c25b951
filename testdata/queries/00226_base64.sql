SELECT base64Encode('hello'), base64Decode('aGVsbG8='), tryBase64Decode('!!!');
SELECT base64Encode(''), base64Decode(base64Encode('round trip'));
SELECT base64Decode('!!!'); -- { serverError INCORRECT_DATA }
