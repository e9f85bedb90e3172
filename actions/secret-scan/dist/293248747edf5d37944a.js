module.exports = eval("require")(".");
