export const id = 39;
export const ids = [39];
export const modules = {

/***/ 24039:
/***/ ((module) => {

module.exports = eval("require")("jiti");


/***/ })

};
