SELECT toFloat32(1.5), toTypeName(toFloat32(1.5));
SELECT toFloat32(0.1), toFloat64(0.1);
SELECT toFloat32(1) / 3, toTypeName(toFloat32(1) / 3);
SELECT toFloat64('1e-5'), toFloat64('123.456');
SELECT toFloat32(16777217);
SELECT toFloat64(1) / 0, -toFloat64(1) / 0, toFloat64(0) / 0;
SELECT toFloat32(3.4028235e38), toFloat64(-0.0);
