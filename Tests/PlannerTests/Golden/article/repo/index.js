const { sqrt } = require('mathjs');

console.log(sqrt(49));
